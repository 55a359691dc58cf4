// The Provenance API's Swagger UI page: SVG answers are drawn as pictures, not shown as text.
"use strict";

function DrawSvgAnswers(system) {
  const React = system.React;
  return {
    wrapComponents: {
      responseBody: (Original) => (props) => {
        const type = String(props.contentType || "");
        if (!type.includes("image/svg+xml") || !props.content) {
          return React.createElement(Original, props);
        }
        const src =
          typeof props.content === "string"
            ? "data:image/svg+xml;charset=utf-8," + encodeURIComponent(props.content)
            : URL.createObjectURL(props.content);
        return React.createElement(
          "div",
          null,
          React.createElement("h5", null, "Response body"),
          React.createElement("img", { className: "svg-answer", src: src, alt: "SVG answer" })
        );
      },
    },
  };
}

function provenanceSwagger(spec, settings) {
  return SwaggerUIBundle(
    Object.assign({}, settings, {
      spec: spec,
      presets: [SwaggerUIBundle.presets.apis],
      plugins: [DrawSvgAnswers],
    })
  );
}

"""The plugin manager: loads extractor plugins from the entry-point group ``provenance``.

Bundled extractors are ordinary distributions under ``plugins/`` and arrive
through the same entry points as anybody else's; nothing is special-cased.
"""

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points

import pluggy

from provenance import hookspecs
from provenance.domain import ExtractorInfo
from provenance.extractor import Extractor

GROUP = "provenance"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RegisteredExtractor:
    extractor: Extractor
    plugin: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]


@dataclass
class Plugins:
    """The loaded plugin manager with the extractors its plugins registered."""

    manager: pluggy.PluginManager
    extractors: dict[str, RegisteredExtractor] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    """Plugins that failed to load or register, by entry-point name."""
    distributions: dict[str, tuple[str, str]] = field(default_factory=dict)
    """(distribution, version) by entry-point name."""

    def describe(self) -> list[ExtractorInfo]:
        """Every registered extractor, by name, with its distribution and version."""
        return [
            ExtractorInfo(
                name=name,
                distribution=found.distribution,
                version=found.version,
                formats=list(found.extractor.formats),
                hooks=list(found.hooks),
            )
            for name, found in sorted(self.extractors.items())
        ]


def load_plugins(allow: Iterable[str] | None = None, trace: bool = False) -> Plugins:
    """A fresh plugin manager with every installed plugin, or only those in ``allow``.

    ``allow`` names distributions or entry-point names; None allows all.
    """
    manager = pluggy.PluginManager(GROUP)
    manager.add_hookspecs(hookspecs)
    allowed = set(allow) if allow is not None else None
    plugins = Plugins(manager)
    for entry_point in entry_points(group=GROUP):
        dist = entry_point.dist
        names = {entry_point.name, dist.name if dist else entry_point.name}
        if allowed is not None and not names & allowed:
            continue
        try:
            manager.register(entry_point.load(), name=entry_point.name)
            manager.check_pending()
        except Exception as error:  # a plugin that cannot load must not stop the others
            log.error("plugin %s failed to load: %r", entry_point.name, error)
            plugins.failures[entry_point.name] = repr(error)
            continue
        if dist is not None:
            plugins.distributions[entry_point.name] = (dist.name, dist.version)
    if trace:
        manager.trace.root.setwriter(lambda message: log.info("plugin trace: %s", message))
        manager.enable_tracing()
    _collect_extractors(plugins)
    return plugins


def plugins_of(*objects: object) -> Plugins:
    """Plugins from objects already in hand (a module or a class with hook implementations),
    without entry points: for embedding and for tests of plugin behaviour."""
    manager = pluggy.PluginManager(GROUP)
    manager.add_hookspecs(hookspecs)
    for plugin in objects:
        manager.register(plugin)
    manager.check_pending()
    plugins = Plugins(manager)
    _collect_extractors(plugins)
    return plugins


def plugins_from_env() -> Plugins:
    """Plugins as ``PROVENANCE_PLUGINS`` (comma-separated allow-list) and
    ``PROVENANCE_TRACE_PLUGINS`` say."""
    allow = os.environ.get("PROVENANCE_PLUGINS")
    names = [n.strip() for n in allow.split(",") if n.strip()] if allow else None
    return load_plugins(names, trace=bool(os.environ.get("PROVENANCE_TRACE_PLUGINS")))


def _collect_extractors(plugins: Plugins) -> None:
    manager = plugins.manager
    for impl in manager.hook.register_extractors.get_hookimpls():
        plugin_name = impl.plugin_name
        dist = plugins.distributions.get(plugin_name)
        hooks = tuple(sorted(h.name for h in manager.get_hookcallers(impl.plugin) or ()))

        def register(extractor: Extractor, _plugin: str = plugin_name, _dist=dist, _hooks=hooks):
            if not isinstance(extractor, Extractor):
                raise TypeError(f"register() takes an Extractor, not {type(extractor).__name__}")
            if extractor.name in plugins.extractors:
                log.warning("extractor %r from %s skipped: name taken", extractor.name, _plugin)
                return
            plugins.extractors[extractor.name] = RegisteredExtractor(
                extractor=extractor,
                plugin=_plugin,
                distribution=_dist[0] if _dist else None,
                version=_dist[1] if _dist else None,
                hooks=_hooks,
            )

        try:
            impl.function(register=register)
        except Exception as error:  # a broken plugin must not stop the others
            log.error("plugin %s failed to register: %r", plugin_name, error)
            plugins.failures[plugin_name] = repr(error)

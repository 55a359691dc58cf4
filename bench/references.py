"""The references the API benchmark measures the service against, served the same way.

A: a raw ASGI app returning a fixed small JSON body (the server's own limit).
B: a minimal Litestar app with one handler returning a fixed 5-field msgspec Struct
(the framework's limit for a handler that does no work).

    uvicorn bench.references:raw     uvicorn bench.references:bare
"""

from litestar import Litestar, get
from msgspec import Struct

BODY = b'{"id":1,"name":"Ana Ruiz","kind":"person","count":3,"ok":true}'
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]


async def raw(scope: dict, receive, send) -> None:
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": f"{scope['type']}.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})


class Thing(Struct):
    id: int
    name: str
    kind: str
    count: int
    ok: bool


THING = Thing(1, "Ana Ruiz", "person", 3, True)


@get("/", sync_to_thread=False)
def thing() -> Thing:
    return THING


bare = Litestar(route_handlers=[thing], openapi_config=None)

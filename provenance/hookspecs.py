"""Hook specifications: what a provenance plugin may implement.

Plugins are found through the entry-point group ``provenance``. Every hook is
``register_*(register)``: a plugin calls ``register`` with typed records and the
core collects them and settles name clashes itself. See ``docs/plugins.md``.
"""

from collections.abc import Callable

import pluggy

from provenance.extractor import Extractor

hookspec = pluggy.HookspecMarker("provenance")
hookimpl = pluggy.HookimplMarker("provenance")


@hookspec
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register extractors for the outlet formats this plugin understands.

    :param register: call it once per :class:`provenance.extractor.Extractor`
        instance. Every registered extractor may claim each document with a
        confidence; the highest claim parses it, ties going to the name that
        sorts first. An extractor whose name is already taken is skipped with
        a warning.

    Example::

        @hookimpl
        def register_extractors(register):
            register(MyOutletExtractor())
    """

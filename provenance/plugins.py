"""The plugin manager: extractor plugins from the entry-point group ``provenance``.

Plugins trusted to run in the service's process (``PROVENANCE_IN_PROCESS_PLUGINS``, by
default the bundled distributions under ``plugins/``) are imported here. Every other
plugin is never imported here:
its entry point is read from metadata and the plugin runs in worker processes
(:mod:`provenance.isolation`) that import it themselves and can be killed.
"""

import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib.metadata import EntryPoint, entry_points
from threading import Lock
from typing import TypeVar

import pluggy

from provenance import hookspecs
from provenance.domain import ExtractorInfo, ParsedDocument, RawDocument
from provenance.domain.extraction import check_claim, check_parsed
from provenance.extraction.house_style import (
    NO_HOUSE_STYLE,
    CuePhrase,
    HouseStyle,
    house_style_for,
    house_warnings,
)
from provenance.extractor import Extractor
from provenance.isolation import (
    Limits,
    PluginEntry,
    PluginFailure,
    PluginPool,
    Request,
    call_in_thread,
)
from provenance.settings import Settings, SettingsError

GROUP = "provenance"
BUNDLED = frozenset(Settings().in_process_plugins)
"""The distributions shipped under ``plugins/``: our own extractors, whose claims are a
few bounded searches of a page's head and whose parse is the core's layout rules (which
the core runs directly when nothing claims a page). Their hooks are called directly, not
on a runner thread: the thread hop cost more than the claims themselves."""
log = logging.getLogger(__name__)
trace_log = logging.getLogger("provenance.plugins.trace")
T = TypeVar("T")


class PluginConfigError(SettingsError):
    """The plugin configuration names something that is not installed."""


@dataclass(frozen=True)
class RegisteredExtractor:
    """An extractor as the service knows it: in this process or in a plugin's workers."""

    name: str
    formats: tuple[str, ...]
    cues: Mapping[str, Sequence[str]]
    plugin: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]
    cue_phrases: tuple[CuePhrase, ...] = ()
    self_names: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    """What is useless or harmful in its house style (see :func:`house_warnings`)."""
    extractor: Extractor | None = None
    """The instance, for extractors running in the service's process."""
    pool: PluginPool | None = None
    """The workers, for extractors running isolated."""
    trace: bool = False
    bundled: bool = False
    """One of :data:`BUNDLED`, called directly rather than on a runner thread."""

    @property
    def house(self) -> HouseStyle:
        """Its phrases and own names, compiled (checked when it was registered)."""
        if not self.cue_phrases and not self.self_names:
            return NO_HOUSE_STYLE
        return house_style_for(self.cue_phrases, self.self_names)

    @property
    def running_version(self) -> str | None:
        """The version running now: an isolated plugin's workers pick up upgrades."""
        if self.pool is not None and self.pool.loaded is not None:
            return self.pool.loaded.version
        return self.version

    def claim(self, document: RawDocument, timeout: float) -> float:
        """The extractor's checked confidence; PluginFailure or InvalidResult otherwise."""
        with self._traced("claim"):
            if self.pool is not None:
                return check_claim(self._remote("claim", document, timeout).claim)
            extractor = self.extractor
            assert extractor is not None
            return check_claim(self._in_process(lambda: extractor.claim(document), timeout))

    def parse(self, document: RawDocument, timeout: float) -> tuple[ParsedDocument, str | None]:
        """The checked parse and the version of the plugin that made it (a bundled
        extractor's parse is the core's layout code, used unchecked like the core's own)."""
        with self._traced("parse"):
            if self.pool is not None:
                reply = self._remote("parse", document, timeout)
                return check_parsed(reply.parsed, document, self.formats), reply.version
            extractor = self.extractor
            assert extractor is not None
            if self.bundled:
                return extractor.parse(document), self.version
            parsed = call_in_thread(lambda: extractor.parse(document), timeout)
            return check_parsed(parsed, document, self.formats), self.version

    def _in_process(self, hook: Callable[[], T], timeout: float) -> T:
        """``hook()`` directly for a bundled extractor, else on a runner thread that is
        abandoned after ``timeout`` seconds."""
        return hook() if self.bundled else call_in_thread(hook, timeout)

    def _remote(self, hook: str, document: RawDocument, timeout: float):
        assert self.pool is not None
        reply = self.pool.call(Request(hook, self.name, document), timeout)  # type: ignore[arg-type]
        if reply.error is not None:
            raise PluginFailure(reply.error)
        return reply

    def _traced(self, hook: str) -> "_Trace":
        return _Trace(self, hook) if self.trace else _NO_TRACE


class _Trace:
    """Logs one hook call with its duration (``PROVENANCE_TRACE_PLUGINS``)."""

    def __init__(self, registered: RegisteredExtractor, hook: str) -> None:
        self.registered, self.hook = registered, hook

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, kind: type | None, *_: object) -> None:
        trace_log.info(
            "plugin hook %s of extractor %s (plugin %s) took %.1f ms%s",
            self.hook,
            self.registered.name,
            self.registered.plugin,
            (time.perf_counter() - self.started) * 1000,
            f", failed: {kind.__name__}" if kind else "",
        )


class _NoTrace:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_: object) -> None:
        return None


_NO_TRACE = _NoTrace()


@dataclass
class Plugins:
    """The installed plugins: extractors ready to use, isolated plugins still loading,
    and plugins that failed to load."""

    extractors: dict[str, RegisteredExtractor] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    """Plugins that failed to load or register, by entry-point name."""
    pools: dict[str, PluginPool] = field(default_factory=dict)
    """Isolated plugins, by entry-point name."""
    trace: bool = False
    _merged: set[str] = field(default_factory=set)
    _lock: Lock = field(default_factory=Lock)

    def start(self) -> None:
        """Start every isolated plugin loading in its worker, without waiting."""
        for pool in self.pools.values():
            pool.start()

    def close(self) -> None:
        for pool in self.pools.values():
            pool.close()

    def wait_loaded(self, timeout: float, within_grace: bool = True) -> dict[str, str]:
        """Wait, at most ``timeout`` seconds and (``within_grace``) only while they are in
        their start-up grace, for isolated plugins to load; why each one is not usable."""
        deadline = time.monotonic() + timeout
        unusable: dict[str, str] = {}
        for name, pool in self.pools.items():
            try:
                pool.wait_loaded(deadline, within_grace)
            except PluginFailure as error:
                unusable[name] = f"load: {error}"
        self._merge()
        return unusable

    def load_failures(self) -> dict[str, str]:
        """Plugins that failed to load, with the error, as far as known now (no waiting)."""
        self.wait_loaded(0.0)
        return dict(self.failures)

    def describe(self, timeout: float = 0.0) -> list[ExtractorInfo]:
        """Every extractor by name, then every plugin still loading or failed to load."""
        unusable = self.wait_loaded(timeout)
        found = [
            ExtractorInfo(
                name=name,
                distribution=registered.distribution,
                version=registered.running_version,
                formats=list(registered.formats),
                hooks=list(registered.hooks),
                warnings=list(registered.warnings),
            )
            for name, registered in sorted(self.extractors.items())
        ]
        return found + [
            ExtractorInfo(
                name=name,
                distribution=self.pools[name].entry.distribution if name in self.pools else None,
                version=self.pools[name].entry.version if name in self.pools else None,
                formats=[],
                hooks=[],
                status="failed" if name in self.failures else "loading",
                error=self.failures.get(name, error),
            )
            for name, error in sorted({**unusable, **self.failures}.items())
        ]

    def _merge(self) -> None:
        """Adopt the extractors of isolated plugins that have loaded, and their failures."""
        with self._lock:
            for name, pool in self.pools.items():
                if pool.error is not None:
                    self.failures[name] = pool.error
                if name in self._merged or pool.loaded is None:
                    continue
                self._merged.add(name)
                for spec in pool.loaded.extractors:
                    self._add(
                        RegisteredExtractor(
                            name=spec.name,
                            formats=spec.formats,
                            cues=spec.cues,
                            cue_phrases=spec.cue_phrases,
                            self_names=spec.self_names,
                            warnings=spec.warnings,
                            plugin=name,
                            distribution=pool.entry.distribution,
                            version=pool.loaded.version,
                            hooks=spec.hooks,
                            pool=pool,
                            trace=self.trace,
                        )
                    )

    def _add(self, registered: RegisteredExtractor) -> None:
        """Keep ``registered`` unless its name is taken by a bundled extractor or by one
        from a plugin whose entry-point name sorts first (whichever loaded first)."""
        taken = self.extractors.get(registered.name)
        if taken is not None and (taken.pool is None or taken.plugin < registered.plugin):
            log.warning("extractor %r from %s skipped: name taken", taken.name, registered.plugin)
            return
        self.extractors[registered.name] = registered


def plugins_for(settings: Settings) -> Plugins:
    """The plugins ``settings`` allow, isolated within its limits."""
    limits = Limits(
        timeout=settings.extract_timeout,
        workers=settings.plugin_workers,
        memory_mb=settings.plugin_memory_mb,
    )
    if settings.trace_plugins:
        _log_traces()
    return load_plugins(
        settings.plugins,
        trace=settings.trace_plugins,
        limits=limits,
        in_process=settings.in_process_plugins,
    )


def _log_traces() -> None:
    """Hook-call traces at INFO, on stderr unless logging is configured (as in the CLI)."""
    trace_log.setLevel(logging.INFO)
    if not trace_log.hasHandlers():
        trace_log.addHandler(logging.StreamHandler())


def plugins_from_env() -> Plugins:
    """Plugins as the ``PROVENANCE_*`` environment says."""
    return plugins_for(Settings.from_env())


def load_plugins(
    allow: Iterable[str] | None = None,
    trace: bool = False,
    limits: Limits | None = None,
    in_process: Iterable[str] = Settings().in_process_plugins,
) -> Plugins:
    """Every installed plugin, or only those in ``allow`` (distribution or entry-point
    names; an unknown one is a :class:`PluginConfigError`). Plugins named in
    ``in_process`` are imported now; the others load in their workers (see
    :meth:`Plugins.start`)."""
    installed = [_entry(found) for found in entry_points(group=GROUP)]
    chosen = _allowed(installed, allow)
    plugins = Plugins(trace=trace)
    trusted = set(in_process)
    for entry in sorted(chosen, key=lambda e: e.name):
        if {entry.name, entry.distribution} & trusted:
            found, error = register_entry_point(entry)
            if error is not None:
                log.error("plugin %s failed to load: %s", entry.name, error)
                plugins.failures[entry.name] = error
            for registered in found.values():
                plugins._add(replace(registered, trace=trace))
        else:
            plugins.pools[entry.name] = PluginPool(entry, limits or Limits())
    return plugins


def plugins_of(*objects: object) -> Plugins:
    """Plugins from objects already in hand (a module or a class with hook implementations),
    run in this process: for embedding and for tests of plugin behaviour."""
    plugins = Plugins()
    for number, plugin in enumerate(objects):
        found, error = _register(plugin, f"plugin-{number}", None)
        if error is not None:
            plugins.failures[f"plugin-{number}"] = error
        for registered in found.values():
            plugins._add(registered)
    return plugins


def register_entry_point(entry: PluginEntry) -> tuple[dict[str, RegisteredExtractor], str | None]:
    """Import one plugin and collect its extractors: (extractors, why it failed or None)."""
    try:
        plugin = EntryPoint(entry.name, entry.value, GROUP).load()
    except Exception as error:  # whatever a plugin's import raises, the others go on
        return {}, f"import failed: {error!r}"
    return _register(plugin, entry.name, entry)


def _register(
    plugin: object, name: str, entry: PluginEntry | None
) -> tuple[dict[str, RegisteredExtractor], str | None]:
    """Register ``plugin`` alone in a fresh manager, so that its faults (a misspelt hook
    name, an exception while registering) cannot touch any other plugin."""
    manager = pluggy.PluginManager(GROUP)
    manager.add_hookspecs(hookspecs)
    try:
        manager.register(plugin, name=name)
        manager.check_pending()
    except Exception as error:
        return {}, str(error)
    hooks = tuple(sorted(caller.name for caller in manager.get_hookcallers(plugin) or ()))
    found: dict[str, RegisteredExtractor] = {}

    def register(extractor: Extractor) -> None:
        if not isinstance(extractor, Extractor):
            raise TypeError(f"register() takes an Extractor, not {type(extractor).__name__}")
        if extractor.name in found:
            raise ValueError(f"registers two extractors named {extractor.name!r}")
        phrases, self_names, warnings = _house_style(extractor)
        found[extractor.name] = RegisteredExtractor(
            name=extractor.name,
            formats=tuple(extractor.formats),
            cues=extractor.cues,
            cue_phrases=phrases,
            self_names=self_names,
            warnings=warnings,
            plugin=name,
            distribution=entry.distribution if entry else None,
            version=entry.version if entry else None,
            hooks=hooks,
            extractor=extractor,
            bundled=entry is not None and entry.distribution in BUNDLED,
        )

    try:
        manager.hook.register_extractors(register=register)
    except Exception as error:  # a broken plugin must not stop the others
        return {}, f"register_extractors failed: {error!r}"
    return found, None


def _house_style(
    extractor: Extractor,
) -> tuple[tuple[CuePhrase, ...], tuple[str, ...], tuple[str, ...]]:
    """An extractor's checked phrases and own names, and the warnings about its house
    style; ValueError (the plugin fails to load) when a phrase is malformed."""
    style = house_style_for(extractor.cue_phrases, extractor.self_names)
    phrases = tuple(compiled.phrase for compiled in style.phrases)
    cues = extractor.cues if isinstance(extractor.cues, Mapping) else {}
    lemmas = {lemma: () for lemma in cues if isinstance(lemma, str)}
    examples = [text for text in extractor.examples if isinstance(text, str)]
    warnings = house_warnings(lemmas, phrases, style.self_names, examples)
    for warning in warnings:
        log.warning("extractor %s: %s", extractor.name, warning)
    return phrases, style.self_names, tuple(warnings)


def _entry(found: EntryPoint) -> PluginEntry:
    dist = found.dist
    return PluginEntry(
        name=found.name,
        value=found.value,
        distribution=dist.name if dist else None,
        version=dist.version if dist else None,
    )


def _allowed(installed: list[PluginEntry], allow: Iterable[str] | None) -> list[PluginEntry]:
    if allow is None:
        return installed
    wanted = set(allow)
    known = {e.name for e in installed} | {e.distribution for e in installed if e.distribution}
    if unknown := sorted(wanted - known):
        raise PluginConfigError(
            f"PROVENANCE_PLUGINS names {', '.join(unknown)}, not installed "
            f"(installed: {', '.join(sorted(known)) or 'none'})"
        )
    return [e for e in installed if {e.name, e.distribution} & wanted]

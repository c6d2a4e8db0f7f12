"""Slow clients cannot hold `rubricc serve`'s connections: a deadline for a request's headers.

aiohttp times out idle keep-alive connections but not a client that sends its request line and headers a
byte at a time (a slow-header client, "slowloris"): each one holds a file descriptor for as long as it
likes. :class:`GuardedProtocol` sits between the transport and aiohttp's own protocol (``web.Server``
is a protocol factory; every call is forwarded unchanged) and starts a clock when a request begins,
either at connect or at the first byte after the previous response. When the request's headers have not
all arrived within ``header_timeout`` seconds, it answers ``408`` and closes the connection. The
server's middleware tells the guard when a request reached the handler (:meth:`ConnectionGuards.begin`
/ :meth:`end`); the body is bounded separately by the handler (``body_timeout``).
"""
from __future__ import annotations

import asyncio
from typing import Callable, Dict, Optional

_TIMEOUT_BODY = b'{"error": "request headers not received in time"}'
_TIMEOUT_RESPONSE = (b"HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nConnection: close\r\n"
                     b"Content-Length: %d\r\n\r\n%s" % (len(_TIMEOUT_BODY), _TIMEOUT_BODY))


class GuardedProtocol(asyncio.Protocol):
    """Forwards everything to aiohttp's protocol; closes the connection when a request's headers are late."""

    def __init__(self, inner: asyncio.Protocol, guards: "ConnectionGuards"):
        self.inner = inner
        self.guards = guards
        self.transport: Optional[asyncio.Transport] = None
        self.busy = 0
        self._clock: Optional[asyncio.TimerHandle] = None

    # -- the clock -------------------------------------------------------------------------------
    def _start_clock(self) -> None:
        if self._clock is None and self.busy == 0:
            loop = asyncio.get_running_loop()
            self._clock = loop.call_later(self.guards.header_timeout, self._expire)

    def _stop_clock(self) -> None:
        if self._clock is not None:
            self._clock.cancel()
            self._clock = None

    def _expire(self) -> None:
        self._clock = None
        if self.busy or self.transport is None or self.transport.is_closing():
            return
        self.guards.timed_out += 1
        self.transport.write(_TIMEOUT_RESPONSE)
        self.transport.close()

    # -- asyncio.Protocol, forwarded ------------------------------------------------------------
    def connection_made(self, transport) -> None:
        self.transport = transport
        self.guards.by_transport[transport] = self
        self.inner.connection_made(transport)
        self._start_clock()

    def data_received(self, data: bytes) -> None:
        self._start_clock()  # a new request begins (no-op while one is being handled or timed)
        self.inner.data_received(data)

    def eof_received(self):
        return self.inner.eof_received()

    def connection_lost(self, exc) -> None:
        self._stop_clock()
        self.guards.by_transport.pop(self.transport, None)
        self.inner.connection_lost(exc)

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()


class ConnectionGuards:
    """The guards of one server: makes them (a protocol factory) and hears when requests start and end."""

    def __init__(self, make_inner: Callable[[], asyncio.Protocol], header_timeout: float):
        self.make_inner = make_inner
        self.header_timeout = float(header_timeout)
        self.by_transport: Dict[object, GuardedProtocol] = {}
        self.timed_out = 0

    def __call__(self) -> GuardedProtocol:
        return GuardedProtocol(self.make_inner(), self)

    def begin(self, transport) -> None:
        """A request's headers have arrived and its handler runs: stop the clock."""
        g = self.by_transport.get(transport)
        if g is not None:
            g.busy += 1
            g._stop_clock()

    def end(self, transport) -> None:
        """The handler is done; aiohttp's keep-alive timeout governs the idle time until the next byte."""
        g = self.by_transport.get(transport)
        if g is not None:
            g.busy = max(0, g.busy - 1)


def exposure_warning(host: str, token: Optional[str]) -> Optional[str]:
    """A warning for a server reachable from other machines (any address but loopback), louder without a
    token; None on loopback."""
    import ipaddress

    name = host.strip("[]")
    try:
        loopback = ipaddress.ip_address(name).is_loopback
    except ValueError:
        loopback = name == "localhost"
    if loopback:
        return None
    if token is None:
        return (f"WARNING: listening on {host} with auth OFF: anyone who can reach this machine can use the "
                "reward server (set RUBRICC_SERVE_TOKEN or --token-file, or bind 127.0.0.1)")
    return f"warning: listening on {host}: reachable from other machines (bearer token required)"

import json
import logging
import re
from datetime import UTC, datetime

# A path segment that is a signed value (django.core.signing joins its parts
# with colons, the last a long signature): a one-time link's secret, which
# must not outlive the request in a log.
SIGNED_SEGMENT = re.compile(
    r"/[^/\s?\"]*(?::|%3[Aa])[^/\s?\"]*(?::|%3[Aa])[^/\s?\"]{16,}"
)


def redacted(text):
    """``text`` with every signed path segment replaced."""
    if not isinstance(text, str):
        return text
    return SIGNED_SEGMENT.sub("/[redacted]", text)


# Attributes every LogRecord has; anything else was passed in ``extra``.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": redacted(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["path"] = redacted(request.path)
            entry["method"] = request.method
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in ("request", "status_code"):
                entry[key] = redacted(
                    value if isinstance(value, str | int | float) else str(value)
                )
        if record.exc_info:
            entry["exception"] = redacted(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


try:
    from gunicorn.glogging import Logger as GunicornLogger
except ImportError:  # gunicorn is the production server only
    GunicornLogger = None

if GunicornLogger is not None:

    class AccessLogger(GunicornLogger):
        """gunicorn's logger, with signed links redacted from the access log."""

        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            for key in ("r", "U", "q", "f"):
                atoms[key] = redacted(atoms.get(key))
            return atoms

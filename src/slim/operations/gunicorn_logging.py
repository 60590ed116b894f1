"""gunicorn's own log lines (start, workers, errors, the access log when on) as JSON, like SLIM's.

gunicorn sets up its handlers itself; this logger class only gives them the formatter of
slim.common.logs, so a container's output is one JSON object per line throughout.
"""

from gunicorn.glogging import Logger


class JsonLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        from slim.common.logs import json_formatter

        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(json_formatter())

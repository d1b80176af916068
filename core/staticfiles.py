"""Static files: only the hashed copies leave the server.

``collectstatic`` also writes ``staticfiles.json``, the manifest that maps
every file to its hashed name and so lists the installed apps' assets; the
pages never need it (they are rendered with the hashed names), so nobody gets
it. With ``WHITENOISE_KEEP_ONLY_HASHED_FILES`` the unhashed originals are not
kept either.
"""

from django.contrib.staticfiles.storage import ManifestFilesMixin
from whitenoise.middleware import WhiteNoiseMiddleware


class HashedStaticFilesMiddleware(WhiteNoiseMiddleware):
    def add_file_to_dictionary(self, url, path, stat_cache=None):
        if url.rsplit("/", 1)[-1] == ManifestFilesMixin.manifest_name:
            return
        super().add_file_to_dictionary(url, path, stat_cache=stat_cache)

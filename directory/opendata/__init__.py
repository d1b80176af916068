"""Open data: the read-only JSON API under /api/v1/ and the downloads under /data/.

Both show the same records as the public pages, in the language asked for,
and say when the data last changed and under which licence it may be reused.
"""

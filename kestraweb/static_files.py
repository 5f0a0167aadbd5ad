"""whitenoise for static files under ASGI too.

whitenoise hands Django a file response with a synchronous iterator. Under ASGI Django
cannot stream that: it reads the whole file into memory in a thread and warns on every
static request. Here an ASGI request gets the same response streamed by an
asynchronous iterator that reads the file in chunks off the event loop; a WSGI request
(tests, any WSGI server) is served as whitenoise serves it."""
from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from whitenoise.middleware import WhiteNoiseMiddleware

CHUNK_BYTES = 64 * 1024


async def _chunks(filelike):
    if filelike is None:  # a HEAD request, or a 304: headers only
        return
    read = sync_to_async(filelike.read, thread_sensitive=False)
    while chunk := await read(CHUNK_BYTES):
        yield chunk


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    @staticmethod
    def serve(static_file, request):
        response = WhiteNoiseMiddleware.serve(static_file, request)
        filelike = getattr(response, "file_to_stream", None)
        if isinstance(request, ASGIRequest) and response.streaming:
            response.streaming_content = _chunks(filelike)  # the file is still closed with the response
        return response

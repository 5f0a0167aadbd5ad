"""The innermost middleware, synchronous only, so that under ASGI (uvicorn, `make run`)
Django runs the whole middleware chain and the view in one worker thread.

Django's own middleware can run async, but each then hands its process_request and
process_response to a thread and back (two sync_to_async hops, each restoring every
context variable): about thirty hops a request, 6 ms of a 14 ms login page on two
cores. A sync-only middleware innermost makes Django adapt once, below it, and run
every middleware above it synchronously. Async views (follow streams, create with
`wait`) still run on the event loop: only the way into them changes."""


class SyncChainMiddleware:
    sync_capable = True
    async_capable = False

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

using CstoChronicle.Api.Platform;
using Microsoft.Extensions.Options;

namespace CstoChronicle.Api.Http;

/// <summary>
/// Refuses bodies over Chronicle:MaxRequestBodyBytes with 413: at once when Content-Length says so, otherwise
/// (chunked bodies) as soon as reading passes the limit. Works the same under Kestrel and the test server.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ChronicleSettings> settings)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = settings.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
            throw new ProblemException(Problems.PayloadTooLarge(limit));
        if (context.Request.ContentLength is null or > 0)
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        return next(context);
    }

    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Count(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit) throw new ProblemException(Problems.PayloadTooLarge(limit));
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

package com.bazaar.gateway.cache;

import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A cached 200 answer: the body as the service encoded it and its gzip form beside it (so a hit costs neither
 * JSON encoding nor compression), a strong ETag, and until when it is fresh. Stored in Redis as one buffer:
 * {@code freshUntil(8) etagLength(2) etag rawLength(4) raw gzip}.
 */
record CachedResponse(long freshUntilMs, String etag, Buffer raw, Buffer gzip) {

  static CachedResponse of(Buffer body, int ttlSec, int gzipLevel) {
    Buffer gzip = gzipLevel == ResponseCaching.NO_GZIP ? Buffer.buffer() : gzip(body, gzipLevel);
    return new CachedResponse(System.currentTimeMillis() + ttlSec * 1000L, etag(body), body, gzip);
  }

  boolean fresh() {
    return System.currentTimeMillis() < freshUntilMs;
  }

  long maxAgeSec() {
    return Math.max(0, (freshUntilMs - System.currentTimeMillis()) / 1000);
  }

  Buffer encode() {
    byte[] tag = etag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return Buffer.buffer(14 + tag.length + raw.length() + gzip.length())
      .appendLong(freshUntilMs).appendShort((short) tag.length).appendBytes(tag)
      .appendInt(raw.length()).appendBuffer(raw).appendBuffer(gzip);
  }

  static CachedResponse decode(Buffer stored) {
    long fresh = stored.getLong(0);
    int tagLength = stored.getShort(8);
    String etag = stored.getString(10, 10 + tagLength, "US-ASCII");
    int rawStart = 14 + tagLength;
    int rawLength = stored.getInt(10 + tagLength);
    return new CachedResponse(fresh, etag, stored.slice(rawStart, rawStart + rawLength),
      stored.slice(rawStart + rawLength, stored.length()));
  }

  private static String etag(Buffer body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Buffer gzip(Buffer body, int level) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() / 3 + 32);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
      {
        def.setLevel(level);
      }
    }) {
      gzip.write(body.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }
}

package com.bazaar.gateway.cache;

import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A cached 200 answer: its body, a strong ETag, until when it is fresh, and how long the backend took to produce
 * it. A body of at least {@code minBytes} is kept gzipped (a hit sends it as it is, and it takes a third of the
 * memory); the plain form is made from it only when a client does not accept gzip. Stored in Redis as one buffer:
 * {@code freshUntil(8) computeMs(4) etagLength(2) etag gzipped(1) body}.
 */
final class CachedResponse {
  private static final int HEADER = 15;

  private final long freshUntilMs;
  private final int computeMs;
  private final String etag;
  private final Buffer gzip;
  private Buffer raw;

  private CachedResponse(long freshUntilMs, int computeMs, String etag, Buffer raw, Buffer gzip) {
    this.freshUntilMs = freshUntilMs;
    this.computeMs = computeMs;
    this.etag = etag;
    this.raw = raw;
    this.gzip = gzip;
  }

  /** @param gzipLevel {@link ResponseCaching#NO_GZIP} keeps every body plain */
  static CachedResponse of(Buffer body, int ttlSec, int gzipLevel, int minBytes, int computeMs) {
    boolean compress = gzipLevel != ResponseCaching.NO_GZIP && body.length() >= minBytes;
    return new CachedResponse(System.currentTimeMillis() + ttlSec * 1000L, computeMs, etag(body),
      body, compress ? gzip(body, gzipLevel) : null);
  }

  String etag() {
    return etag;
  }

  /** The gzip form, or null when the body is kept plain (small, or compression off). */
  Buffer gzip() {
    return gzip;
  }

  /** The plain body; made from the gzip form the first time it is asked for. */
  synchronized Buffer raw() {
    if (raw == null) {
      raw = gunzip(gzip);
    }
    return raw;
  }

  boolean fresh() {
    return System.currentTimeMillis() < freshUntilMs;
  }

  /**
   * XFetch (Vattani, Chierichetti and Lowenstein, "Optimal Probabilistic Cache Stampede Prevention"): refresh
   * before expiry with a probability that rises as expiry nears and with how long the answer takes to compute, so
   * a hot key is recomputed by one early reader instead of by every reader at once when it expires.
   * {@code beta} 1 is the paper's optimum; larger refreshes earlier; 0 never.
   */
  boolean refreshDue(double beta) {
    if (beta <= 0) {
      return false;
    }
    double headStartMs = -computeMs * beta * Math.log(ThreadLocalRandom.current().nextDouble());
    return System.currentTimeMillis() + headStartMs >= freshUntilMs;
  }

  long maxAgeSec() {
    return Math.max(0, (freshUntilMs - System.currentTimeMillis()) / 1000);
  }

  Buffer encode() {
    byte[] tag = etag.getBytes(StandardCharsets.US_ASCII);
    Buffer body = gzip != null ? gzip : raw;
    return Buffer.buffer(HEADER + tag.length + body.length())
      .appendLong(freshUntilMs).appendInt(computeMs).appendShort((short) tag.length).appendBytes(tag)
      .appendByte((byte) (gzip != null ? 1 : 0)).appendBuffer(body);
  }

  static CachedResponse decode(Buffer stored) {
    long fresh = stored.getLong(0);
    int computeMs = stored.getInt(8);
    int tagLength = stored.getShort(12);
    String etag = stored.getString(14, 14 + tagLength, "US-ASCII");
    boolean gzipped = stored.getByte(14 + tagLength) == 1;
    Buffer body = stored.slice(HEADER + tagLength, stored.length());
    return new CachedResponse(fresh, computeMs, etag, gzipped ? null : body, gzipped ? body : null);
  }

  private static String etag(Buffer body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
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

  private static Buffer gunzip(Buffer gzipped) {
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.getBytes()))) {
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

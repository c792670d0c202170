package com.bazaar.app;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local SMTP server for the tests: the commands a client sends to deliver mail (EHLO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT), no TLS, every message kept. It answers the first {@code refusals} messages with 451 (try later), as a
 * busy server does, to exercise the sender's retries.
 */
final class SmtpStub implements AutoCloseable {
  /** A delivered message: its recipients and its raw data (headers and body). */
  record Mail(List<String> to, String data) {
    String subject() {
      return data.lines().filter(line -> line.startsWith("Subject: ")).findFirst().map(l -> l.substring(9))
        .orElse(null);
    }
  }

  final List<Mail> delivered = new CopyOnWriteArrayList<>();
  final AtomicInteger refused = new AtomicInteger();
  private final Vertx vertx = Vertx.vertx();
  private final NetServer server;
  private final int refusals;

  SmtpStub(int refusals) {
    this.refusals = refusals;
    this.server = vertx.createNetServer().connectHandler(this::session).listen(0, "127.0.0.1").await();
  }

  int port() {
    return server.actualPort();
  }

  private void session(NetSocket socket) {
    List<String> to = new CopyOnWriteArrayList<>();
    StringBuilder data = new StringBuilder();
    boolean[] inData = {false};
    socket.write("220 stub ESMTP\r\n");
    socket.handler(RecordParser.newDelimited("\r\n", line -> {
      String text = line.toString();
      if (inData[0]) {
        if (!text.equals(".")) {
          data.append(text.startsWith("..") ? text.substring(1) : text).append('\n');
          return;
        }
        inData[0] = false;
        if (refused.get() < refusals) {
          refused.incrementAndGet();
          socket.write("451 4.3.0 try again later\r\n");
        } else {
          delivered.add(new Mail(List.copyOf(to), data.toString()));
          socket.write("250 2.0.0 queued\r\n");
        }
        to.clear();
        data.setLength(0);
        return;
      }
      String command = text.length() < 4 ? text.toUpperCase() : text.substring(0, 4).toUpperCase();
      switch (command) {
        case "EHLO", "HELO" -> socket.write("250-stub\r\n250 8BITMIME\r\n");
        case "MAIL", "RSET", "NOOP" -> {
          if (command.equals("RSET")) {
            to.clear();
          }
          socket.write("250 2.1.0 ok\r\n");
        }
        case "RCPT" -> {
          to.add(text.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1"));
          socket.write("250 2.1.5 ok\r\n");
        }
        case "DATA" -> {
          inData[0] = true;
          socket.write("354 go ahead\r\n");
        }
        case "QUIT" -> socket.write("221 bye\r\n").onComplete(v -> socket.close());
        default -> socket.write("502 5.5.2 not implemented\r\n");
      }
    }));
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}

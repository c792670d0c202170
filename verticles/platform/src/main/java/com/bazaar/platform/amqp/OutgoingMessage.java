package com.bazaar.platform.amqp;

import com.rabbitmq.client.AMQP;
import io.vertx.core.buffer.Buffer;

import java.util.Date;
import java.util.Map;

/** A persistent message to publish: where it goes, its id and headers, and its body. */
public record OutgoingMessage(String exchange, String routingKey, String messageId, String type,
                              Map<String, Object> headers, Buffer body) {

  /** To one queue directly, through the default exchange. */
  public static OutgoingMessage toQueue(String queue, String messageId, String type, Map<String, Object> headers,
                                        Buffer body) {
    return new OutgoingMessage("", queue, messageId, type, headers, body);
  }

  public AMQP.BasicProperties properties() {
    return new AMQP.BasicProperties.Builder()
      .deliveryMode(2)
      .contentType("application/json")
      .messageId(messageId)
      .type(type)
      .timestamp(new Date())
      .headers(headers)
      .build();
  }
}

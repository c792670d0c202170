package com.bazaar.app.guards;

import com.bazaar.gateway.contract.AccessRule;
import com.bazaar.gateway.contract.OperationSpec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

import java.util.Comparator;
import java.util.List;

/** Every operation of {@code conf/openapi.yaml}, as the guards read it: who may call it, and who owns what it touches. */
final class ContractOperations {
  /** One operation. {@code owner} is {@code none}, {@code self}, {@code <resource>.<field>}, or null when missing. */
  record Op(String id, String method, String path, AccessRule access, String owner, Operation operation,
            JsonObject document) {
    boolean ownedByAnother() {
      return owner != null && owner.contains(".");
    }
  }

  private ContractOperations() {
  }

  static List<Op> load(Vertx vertx) {
    OpenAPIContract contract = OpenAPIContract.from(vertx, "conf/openapi.yaml").await();
    return contract.operations().stream().map(operation -> {
      OperationSpec spec = OperationSpec.from(operation);
      Object owner = operation.getExtensions().get("x-bazaar-owner");
      return new Op(spec.operationId(), spec.method().name(), spec.openApiPath(), spec.access(),
        owner == null ? null : owner.toString(), operation, contract.getRawContract());
    }).sorted(Comparator.comparing(Op::path).thenComparing(Op::method)).toList();
  }
}

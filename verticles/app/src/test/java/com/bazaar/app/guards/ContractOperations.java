package com.bazaar.app.guards;

import com.bazaar.gateway.contract.AccessRule;
import com.bazaar.gateway.contract.ContractDocument;
import com.bazaar.gateway.contract.OperationSpec;
import com.bazaar.platform.Platform;
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

  /** The operations of the contract the running app's gateway loaded (loading it again here blocked an event loop). */
  static List<Op> load(Platform platform) {
    OpenAPIContract contract = ContractDocument.load(platform, "conf/openapi.yaml").await();
    return contract.operations().stream().map(operation -> {
      OperationSpec spec = OperationSpec.from(operation);
      Object owner = operation.getExtensions().get("x-bazaar-owner");
      return new Op(spec.operationId(), spec.method().name(), spec.openApiPath(), spec.access(),
        owner == null ? null : owner.toString(), operation, contract.getRawContract());
    }).sorted(Comparator.comparing(Op::path).thenComparing(Op::method)).toList();
  }
}

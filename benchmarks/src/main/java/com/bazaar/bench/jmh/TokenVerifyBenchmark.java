package com.bazaar.bench.jmh;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Verifying an access token's signature with vertx-auth-jwt, as the gateway does on every authenticated request
 * it has not verified before: RS256 (2048-bit RSA, the algorithm Bazaar signs with) against ES256 (P-256).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenVerifyBenchmark {
  @Param({"RS256", "ES256"})
  public String algorithm;

  private Vertx vertx;
  private JWTAuth verifier;
  private TokenCredentials token;

  @Setup(Level.Trial)
  public void keysAndToken() throws Exception {
    vertx = Vertx.vertx();
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.startsWith("RS") ? "RSA" : "EC");
    if (algorithm.startsWith("RS")) {
      generator.initialize(2048);
    } else {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    }
    KeyPair pair = generator.generateKeyPair();
    JWTAuth signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
      .setAlgorithm(algorithm).setBuffer(pem("PRIVATE KEY", pair.getPrivate().getEncoded()))));
    verifier = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
      .setAlgorithm(algorithm).setBuffer(pem("PUBLIC KEY", pair.getPublic().getEncoded()))));
    token = new TokenCredentials(signer.generateToken(new JsonObject().put("sub", "user-1"),
      new JWTOptions().setAlgorithm(algorithm).setExpiresInMinutes(60)));
  }

  @TearDown(Level.Trial)
  public void close() {
    vertx.close().await();
  }

  @Benchmark
  public User verify() {
    return verifier.authenticate(token).await();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
      + "\n-----END " + type + "-----\n";
  }
}

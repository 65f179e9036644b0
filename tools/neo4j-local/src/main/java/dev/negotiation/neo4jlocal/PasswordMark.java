package dev.negotiation.neo4jlocal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Remembers which password the launcher last set for {@code neo4j}, as a salted PBKDF2 hash
 * (never the password), so that a start with the same password skips the {@code ALTER USER}
 * statement: on a cold JVM that one statement took 3–10 s, Cypher's planner loading and
 * compiling for the first time.
 *
 * <p>Contract: {@link #matches} is true only when the file holds a hash of exactly this
 * password; any unreadable or malformed file means "no match" (the password is set again).
 */
final class PasswordMark {
  static final String FILE = "neo4j-local-password.pbkdf2";
  private static final int ITERATIONS = 20_000;
  private static final HexFormat HEX = HexFormat.of();

  private final Path file;

  PasswordMark(Path file) {
    this.file = file;
  }

  boolean matches(String password) {
    try {
      String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(":");
      if (parts.length != 2) {
        return false;
      }
      byte[] salt = HEX.parseHex(parts[0]);
      return MessageDigest.isEqual(HEX.parseHex(parts[1]), hash(password, salt));
    } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  void record(String password) throws IOException, GeneralSecurityException {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Files.writeString(
        file, HEX.formatHex(salt) + ":" + HEX.formatHex(hash(password, salt)) + "\n",
        StandardCharsets.UTF_8);
  }

  private static byte[] hash(String password, byte[] salt) throws GeneralSecurityException {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } finally {
      spec.clearPassword();
    }
  }
}

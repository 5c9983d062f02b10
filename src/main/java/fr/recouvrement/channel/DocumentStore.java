package fr.recouvrement.channel;

import fr.recouvrement.kernel.hash.Sha256;
import fr.recouvrement.kernel.time.CaseClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stored documents: the file under {@code ${recouvrement.data-dir}/documents/<case>/} and its row
 * in {@code document} with the SHA-256 of the bytes. Reading checks the hash, so a file changed on
 * disk is never sent as if it were the recorded one.
 */
@Component
public class DocumentStore {
  private final JdbcTemplate jdbc;
  private final Path dataDir;

  DocumentStore(JdbcTemplate jdbc, @Value("${recouvrement.data-dir:./data}") String dataDir) {
    this.jdbc = jdbc;
    this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
  }

  public record Document(
      long id,
      String caseReference,
      String kind,
      String template,
      String fileName,
      String storagePath,
      String contentType,
      long sizeBytes,
      String sha256,
      String idempotencyKey,
      Instant createdAt) {}

  /**
   * Writes the file and records it, in the caller's transaction. The file name is the caller's to
   * choose; the same key and name overwrite the file a rolled-back attempt may have left.
   */
  Document store(
      String idempotencyKey,
      String caseReference,
      String kind,
      String template,
      String fileName,
      String contentType,
      byte[] content) {
    if (!caseReference.matches("[A-Za-z0-9_-]+")
        || !fileName.matches("[A-Za-z0-9_.-]+")
        || fileName.startsWith(".")) {
      throw new IllegalArgumentException("Unsafe document path: " + caseReference + "/" + fileName);
    }
    String storagePath = "documents/" + caseReference + "/" + fileName;
    Path file = dataDir.resolve(storagePath);
    try {
      Files.createDirectories(file.getParent());
      Path partial = Files.createTempFile(file.getParent(), fileName, ".part");
      Files.write(partial, content);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store " + file, e);
    }
    int inserted =
        jdbc.update(
            "insert into document (case_id, kind, template, file_name, storage_path, content_type, size_bytes, sha256,"
                + " idempotency_key, created_at) select id, ?, ?, ?, ?, ?, ?, ?, ?, ? from collection_case where reference = ?",
            kind,
            template,
            fileName,
            storagePath,
            contentType,
            (long) content.length,
            Sha256.hex(content),
            idempotencyKey,
            Timestamp.from(CaseClock.now()),
            caseReference);
    if (inserted != 1) {
      throw new IllegalStateException("No case " + caseReference + " to store a document on");
    }
    return byKey(idempotencyKey).orElseThrow();
  }

  /**
   * A file that someone else sent us (a debtor's proof attached to a dispute on the portal), kept
   * like our letters: on disk under the case, with its SHA-256. The caller checked its type and
   * size.
   */
  public Document storeReceived(
      String idempotencyKey,
      String caseReference,
      String kind,
      String fileName,
      String contentType,
      byte[] content) {
    return store(idempotencyKey, caseReference, kind, null, fileName, contentType, content);
  }

  public Optional<Document> byKey(String idempotencyKey) {
    return jdbc
        .query(SELECT + " where d.idempotency_key = ?", DocumentStore::document, idempotencyKey)
        .stream()
        .findFirst();
  }

  public Optional<Document> find(long id) {
    return jdbc.query(SELECT + " where d.id = ?", DocumentStore::document, id).stream().findFirst();
  }

  public List<Document> ofCase(String caseReference) {
    return jdbc.query(
        SELECT + " where c.reference = ? order by d.created_at, d.id",
        DocumentStore::document,
        caseReference);
  }

  /** The stored bytes, checked against the recorded SHA-256. */
  public byte[] content(Document document) {
    Path file = file(document);
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Document " + document.id() + " is missing on disk: " + file, e);
    }
    if (!Sha256.hex(content).equals(document.sha256())) {
      throw new IllegalStateException(
          "Document %d (%s) does not match its recorded SHA-256: the file was changed"
              .formatted(document.id(), file));
    }
    return content;
  }

  /**
   * The bytes on disk as they are now, unchecked (an auditor's verification compares them with the
   * recorded hash); empty when the file is gone.
   */
  public Optional<byte[]> storedBytes(Document document) {
    Path file = file(document);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Document " + document.id() + " could not be read: " + file, e);
    }
  }

  private Path file(Document document) {
    Path file = dataDir.resolve(document.storagePath()).normalize();
    if (!file.startsWith(dataDir)) {
      throw new IllegalStateException(
          "Document " + document.id() + " points outside the data directory");
    }
    return file;
  }

  private static final String SELECT =
      "select d.id, c.reference, d.kind, d.template, d.file_name, d.storage_path, d.content_type, d.size_bytes, d.sha256,"
          + " d.idempotency_key, d.created_at from document d join collection_case c on c.id = d.case_id";

  private static Document document(ResultSet rs, int row) throws SQLException {
    return new Document(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getLong(8),
        rs.getString(9),
        rs.getString(10),
        rs.getTimestamp(11).toInstant());
  }
}

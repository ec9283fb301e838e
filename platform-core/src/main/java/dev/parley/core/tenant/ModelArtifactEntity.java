package dev.parley.core.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A named artifact a trainable plugin stored for one model version. */
@Entity
@Table(name = "parley_model_artifact")
@IdClass(ModelArtifactEntity.Key.class)
public class ModelArtifactEntity {

  @Id
  @Column(length = 160)
  private String versionId;

  @Id
  @Column(length = 255)
  private String name;

  @Column(nullable = false, length = 100_000_000)
  private byte[] content;

  protected ModelArtifactEntity() {}

  ModelArtifactEntity(String versionId, String name, byte[] content) {
    this.versionId = versionId;
    this.name = name;
    this.content = content;
  }

  String getName() {
    return name;
  }

  byte[] getContent() {
    return content;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String versionId;
    private String name;

    /** For JPA. */
    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(key.versionId, versionId)
          && Objects.equals(key.name, name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(versionId, name);
    }
  }
}

package tech.integratn.pipeline.resolve;

import tech.integratn.pipeline.resolve.Settled.Persistence;
import tech.integratn.pipeline.resolve.Settled.Quantities;
import tech.integratn.pipeline.resolve.Settled.Replicas;
import tech.integratn.pipeline.resolve.Settled.Resources;
import tech.integratn.pipeline.resolve.Settled.Size;

/** Sizing presets; an explicit field in the request always wins over these. */
public enum Preset {
  DEV("dev", new Size(
      new Replicas(1, 1),
      new Resources(new Quantities("200m", "512Mi"), new Quantities("1000m", "1Gi")),
      new Persistence(false, "5Gi", null))),
  PROD("prod", new Size(
      new Replicas(3, 2),
      new Resources(new Quantities("500m", "1Gi"), new Quantities("2", "2Gi")),
      new Persistence(true, "10Gi", null)));

  final String id;
  final Size size;

  Preset(String id, Size size) {
    this.id = id;
    this.size = size;
  }

  public String id() {
    return id;
  }

  static Preset byId(String id) {
    for (Preset preset : values()) {
      if (preset.id.equals(id)) {
        return preset;
      }
    }
    throw new IllegalArgumentException("unknown preset " + id);
  }
}

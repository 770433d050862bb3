package tech.integratn.pipeline.resolve;

/** Sizing presets; an explicit field in the request always wins over these. */
public enum Preset {
  DEV("dev", 1, "200m", "512Mi", "1000m", "1Gi", false, "5Gi", 1),
  PROD("prod", 3, "500m", "1Gi", "2", "2Gi", true, "10Gi", 2);

  final String id;
  final int replicas;
  final String cpuRequest;
  final String memoryRequest;
  final String cpuLimit;
  final String memoryLimit;
  final boolean persistenceEnabled;
  final String persistenceSize;
  final int corednsReplicas;

  Preset(String id, int replicas, String cpuRequest, String memoryRequest, String cpuLimit,
      String memoryLimit, boolean persistenceEnabled, String persistenceSize, int corednsReplicas) {
    this.id = id;
    this.replicas = replicas;
    this.cpuRequest = cpuRequest;
    this.memoryRequest = memoryRequest;
    this.cpuLimit = cpuLimit;
    this.memoryLimit = memoryLimit;
    this.persistenceEnabled = persistenceEnabled;
    this.persistenceSize = persistenceSize;
    this.corednsReplicas = corednsReplicas;
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

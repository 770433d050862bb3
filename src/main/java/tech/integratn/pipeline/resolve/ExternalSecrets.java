package tech.integratn.pipeline.resolve;

import tech.integratn.pipeline.settings.PlatformSettings;

/**
 * The platform's External Secrets, as every ExternalSecret rendered names them: the API version
 * it serves, the ClusterSecretStore read from, and the 1Password vault the items live in when
 * the platform names one (unset: the Connect token item's own vault field).
 */
public record ExternalSecrets(String apiVersion, String store, String vault) {
  static ExternalSecrets of(PlatformSettings platform) {
    return new ExternalSecrets(platform.externalSecrets().apiVersion(),
        platform.externalSecrets().storeName(), platform.onepassword().vault());
  }
}

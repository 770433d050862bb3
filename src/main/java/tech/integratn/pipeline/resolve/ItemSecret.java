package tech.integratn.pipeline.resolve;

/**
 * A Secret External Secrets makes from a 1Password item: the ExternalSecret's name, the
 * Secret's, and the item's.
 */
public record ItemSecret(String externalSecret, String secret, String item) {}

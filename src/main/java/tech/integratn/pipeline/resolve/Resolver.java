package tech.integratn.pipeline.resolve;

import tech.integratn.pipeline.admit.Identity;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.settings.PlatformSettings;

/**
 * Turns an admitted request's bound spec into the template model and status, under the platform's
 * settings; {@code identity} is what the request policy made of its namespace and name.
 */
@FunctionalInterface
public interface Resolver<S> {
  Resolution resolve(Request request, Identity identity, S spec, PlatformSettings platform);
}

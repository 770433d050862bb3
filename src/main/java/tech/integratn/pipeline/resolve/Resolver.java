package tech.integratn.pipeline.resolve;

import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.settings.PlatformSettings;

/** Turns a request's bound spec into the template model and status, under the platform's settings. */
@FunctionalInterface
public interface Resolver<S> {
  Resolution resolve(Request request, S spec, PlatformSettings platform);
}

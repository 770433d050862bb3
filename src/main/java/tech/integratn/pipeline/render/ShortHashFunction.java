package tech.integratn.pipeline.render;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code shortHash(text)}: the first 8 hex digits of the text's SHA-256, for names that must
 * change whenever a rendered part changes (a Job's immutable pod template).
 */
final class ShortHashFunction implements TemplateMethodModelEx {
  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel text)) {
      throw new TemplateModelException("shortHash() takes one text");
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getAsString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new TemplateModelException("SHA-256 is missing from this Java runtime", e);
    }
  }
}

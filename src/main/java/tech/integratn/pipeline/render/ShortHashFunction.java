package tech.integratn.pipeline.render;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * {@code shortHash(text)}: the text's CRC-32 as 8 hex digits, for names that must change
 * whenever a rendered part changes (a Job's immutable pod template). A change detector, not a
 * security measure: CRC-32 needs no security provider, which costs a cold render far more.
 */
final class ShortHashFunction implements TemplateMethodModelEx {
  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel text)) {
      throw new TemplateModelException("shortHash() takes one text");
    }
    CRC32 crc = new CRC32();
    crc.update(text.getAsString().getBytes(StandardCharsets.UTF_8));
    String hex = Long.toHexString(crc.getValue());
    return "0".repeat(8 - hex.length()) + hex;
  }
}

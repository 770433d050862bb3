package tech.integratn.pipeline.render;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.utility.DeepUnwrap;
import java.util.List;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * {@code yaml(value)} emits a value on one line (a safely quoted scalar, or flow map/list);
 * {@code yaml(value, n)} emits it in block style after a key, nested lines at column n.
 * Templates use nothing else to print data.
 */
final class YamlFunction implements TemplateMethodModelEx {
  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.isEmpty() || arguments.size() > 2) {
      throw new TemplateModelException("yaml() takes a value and an optional indent");
    }
    Object value = DeepUnwrap.unwrap((TemplateModel) arguments.get(0));
    if (arguments.size() == 1) {
      return Yaml.flow(value);
    }
    if (!(arguments.get(1) instanceof TemplateNumberModel indent)) {
      throw new TemplateModelException("yaml(value, indent): indent must be a number");
    }
    return Yaml.block(value, indent.getAsNumber().intValue());
  }
}

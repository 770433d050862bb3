package tech.integratn.pipeline.read;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.yaml.Tree;

/**
 * Binds a validated {@code spec} map to its typed record, component by component: records,
 * strings, integers, booleans, string-keyed maps and lists, and free-form values ({@code Object},
 * copied with their keys as text). The CRD schema has already checked every type, so a mismatch
 * here is a bug, not a user mistake. Fields the CRD does not know are ignored, as the API server
 * prunes them; absent and null fields bind to null, except sections (records), which bind to an
 * empty record.
 *
 * <p>Not Jackson's {@code convertValue}: data binding's first use costs ~60 ms CPU of reflection
 * and class set-up per pod, a tenth of a cold render, for what these few shapes need.
 */
public final class SpecBinder {
  private SpecBinder() {}

  public static <T> T bind(Request request, Class<T> type) {
    return type.cast(value(request.spec(), type, "spec"));
  }

  /** Binds any validated map (the platform settings) the same way; {@code path} names its root. */
  public static <T> T bindMap(Map<String, Object> map, Class<T> type, String path) {
    return type.cast(value(map, type, path));
  }

  private static Object value(Object raw, Type type, String path) {
    Class<?> target = rawClass(type);
    if (raw == null) {
      // An absent section is an empty one, so a resolver reads spec.a().b() without null checks.
      return target.isRecord() ? record(Map.of(), target, path) : null;
    }
    if (target == Object.class) {
      return Tree.copy(raw);
    }
    if (target.isRecord()) {
      return record(expect(raw, Map.class, path), target, path);
    }
    if (target == Map.class) {
      Type valueType = typeArgument(type, 1);
      Map<String, Object> map = new LinkedHashMap<>();
      expect(raw, Map.class, path).forEach((key, child) ->
          map.put(String.valueOf(key), value(child, valueType, path + "." + key)));
      return map;
    }
    if (target == List.class) {
      Type elementType = typeArgument(type, 0);
      List<?> list = expect(raw, List.class, path);
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(value(list.get(i), elementType, path + "[" + i + "]"));
      }
      return copy;
    }
    if (target == Integer.class) {
      return integer(raw, path);
    }
    return expect(raw, target, path);
  }

  /**
   * The CRD bounds every integer field, so this only meets an out-of-range value if a CRD
   * lacks a bound; it is then the user's mistake all the same, not a crash.
   */
  private static Integer integer(Object raw, String path) {
    BigInteger value;
    if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
      value = new BigInteger(raw.toString());
    } else if (raw instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      value = BigInteger.valueOf(d.longValue());
    } else {
      throw mismatch(path, raw, Integer.class);
    }
    if (value.bitLength() > 31) {
      throw PipelineException.invalidField(path, "found the number " + value
          + ", outside the integer range", "Use an integer from 1 to " + Integer.MAX_VALUE + ".");
    }
    return value.intValue();
  }

  private static Object record(Map<?, ?> fields, Class<?> type, String path) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      parameterTypes[i] = component.getType();
      arguments[i] = value(fields.get(component.getName()), component.getGenericType(),
          path + "." + component.getName());
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
      return canonical.newInstance(arguments);
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalStateException("cannot build " + type.getName() + " at " + path, e);
    }
  }

  private static <T> T expect(Object raw, Class<T> type, String path) {
    if (!type.isInstance(raw)) {
      throw mismatch(path, raw, type);
    }
    return type.cast(raw);
  }

  private static IllegalStateException mismatch(String path, Object raw, Class<?> type) {
    return new IllegalStateException(path + " passed the CRD schema but is a "
        + raw.getClass().getSimpleName() + ", not a " + type.getSimpleName());
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> cls) {
      return cls;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    throw new IllegalStateException("unsupported spec field type " + type);
  }

  private static Type typeArgument(Type type, int index) {
    return type instanceof ParameterizedType parameterized
        ? parameterized.getActualTypeArguments()[index] : Object.class;
  }
}

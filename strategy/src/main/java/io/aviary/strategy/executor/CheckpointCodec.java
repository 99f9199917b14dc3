package io.aviary.strategy.executor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns checkpoint records (and the configs inside them) into JSON-ready trees and back, by their record
 * components, so a new field needs no codec change. Keys are the components' names in snake_case (Hummingbot's
 * spelling). Values: record → map (a sealed interface's record also gets {@code "type"}: an executor config's
 * {@code TYPE}, else the record's name in snake_case); list → list; String, int, boolean → themselves; enum → its
 * name; {@code double} and {@code long} → decimal string ({@link Double#toString} reads back bit for bit, NaN and
 * infinities included; a {@code long} is never rounded through a double by a JSON library); absent → null.
 * Decoding accepts a number or a numeric string for every numeric type.
 */
final class CheckpointCodec {

  private CheckpointCodec() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> encode(Record record) {
    return (Map<String, Object>) encode(record, record.getClass());
  }

  static <T> T decode(Map<String, ?> tree, Class<T> type) {
    return type.cast(decode(tree, (Type) type, "checkpoint"));
  }

  private static Object encode(Object value, Type declared) {
    return switch (value) {
      case null -> null;
      case Record r -> encodeRecord(r, declared);
      case List<?> list -> encodeList(list, declared);
      case Enum<?> e -> e.name();
      case Double d -> Double.toString(d);
      case Long l -> Long.toString(l);
      case String s -> s;
      case Integer i -> i;
      case Boolean b -> b;
      default -> throw new IllegalArgumentException("no checkpoint encoding for " + value.getClass().getName());
    };
  }

  private static List<Object> encodeList(List<?> list, Type declared) {
    Type element = declared instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    List<Object> out = new ArrayList<>(list.size());
    for (Object item : list) {
      out.add(encode(item, element));
    }
    return out;
  }

  private static Map<String, Object> encodeRecord(Record record, Type declared) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (declared instanceof Class<?> c && c.isSealed()) {
      map.put("type", discriminator(record.getClass()));
    }
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        map.put(snake(component.getName()), encode(component.getAccessor().invoke(record), component.getGenericType()));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
    }
    return map;
  }

  private static Object decode(Object node, Type type, String path) {
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      if (node == null) {
        return null;
      }
      if (!(node instanceof List<?> list)) {
        throw bad(path, "a list");
      }
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(decode(list.get(i), p.getActualTypeArguments()[0], path + "[" + i + "]"));
      }
      return out;
    }
    Class<?> c = (Class<?>) type;
    if (node == null) {
      if (c.isPrimitive()) {
        throw bad(path, "a value");
      }
      return null;
    }
    try {
      return decodeValue(node, c, path);
    } catch (NumberFormatException e) {
      throw bad(path, "a number");
    }
  }

  private static Object decodeValue(Object node, Class<?> c, String path) {
    if (c == String.class) {
      return node.toString();
    }
    if (c == double.class || c == Double.class) {
      return node instanceof Number n ? n.doubleValue() : Double.parseDouble(node.toString());
    }
    if (c == long.class || c == Long.class) {
      return node instanceof Number n ? n.longValue() : Long.parseLong(node.toString());
    }
    if (c == int.class || c == Integer.class) {
      return node instanceof Number n ? n.intValue() : Integer.parseInt(node.toString());
    }
    if (c == boolean.class || c == Boolean.class) {
      return node instanceof Boolean b ? b : Boolean.parseBoolean(node.toString());
    }
    if (c.isEnum()) {
      return enumValue(c, node.toString(), path);
    }
    if (!(node instanceof Map<?, ?> map)) {
      throw bad(path, "an object");
    }
    Class<?> recordClass = c.isSealed() && c.isInterface() ? permitted(c, map.get("type"), path) : c;
    return decodeRecord(map, recordClass, path);
  }

  private static Object decodeRecord(Map<?, ?> map, Class<?> recordClass, String path) {
    if (!recordClass.isRecord()) {
      throw bad(path, "a known object");
    }
    RecordComponent[] components = recordClass.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      String key = snake(components[i].getName());
      types[i] = components[i].getType();
      args[i] = decode(map.get(key), components[i].getGenericType(), path + "." + key);
    }
    try {
      return recordClass.getDeclaredConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException invalid) {
        throw new IllegalArgumentException(path + ": " + invalid.getMessage(), invalid);
      }
      throw new IllegalStateException("cannot build " + recordClass.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + recordClass.getSimpleName(), e);
    }
  }

  private static Class<?> permitted(Class<?> sealed, Object type, String path) {
    for (Class<?> candidate : sealed.getPermittedSubclasses()) {
      if (discriminator(candidate).equals(type)) {
        return candidate;
      }
    }
    throw bad(path + ".type", "one of the known " + sealed.getSimpleName() + " types");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> c, String name, String path) {
    try {
      return Enum.valueOf((Class) c, name);
    } catch (IllegalArgumentException e) {
      throw bad(path, "one of " + java.util.Arrays.toString(c.getEnumConstants()));
    }
  }

  /** An executor config's Hummingbot type ({@code position_executor}); else the record's name in snake_case. */
  private static String discriminator(Class<?> recordClass) {
    if (ExecutorConfig.class.isAssignableFrom(recordClass)) {
      try {
        return (String) recordClass.getField("TYPE").get(null);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(recordClass.getSimpleName() + " has no TYPE", e);
      }
    }
    return snake(recordClass.getSimpleName());
  }

  static String snake(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static IllegalArgumentException bad(String path, String expected) {
    return new IllegalArgumentException("executor checkpoint: " + path + " must be " + expected);
  }
}

package dev.parley.plugins.dialogue;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/** Stores what a policy learned through its {@link ModelStorage}, as Java serialisation. */
public final class Artifacts {

  private Artifacts() {}

  /** Writes a serialisable value under {@code name}. */
  public static void write(ModelStorage storage, String name, Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new PluginException("cannot store " + name, e);
    }
    storage.write(name, bytes.toByteArray());
  }

  /** Reads what {@link #write} stored, resolving classes with {@code owner}'s class loader. */
  public static <T> T read(ModelStorage storage, String name, Class<T> type, Class<?> owner) {
    byte[] bytes =
        storage
            .read(name)
            .orElseThrow(() -> new PluginException("stored model has no '" + name + "'"));
    try (ObjectInputStream in = new LoaderAwareInput(new ByteArrayInputStream(bytes), owner)) {
      return type.cast(in.readObject());
    } catch (IOException | ClassNotFoundException | ClassCastException e) {
      throw new PluginException("stored '" + name + "' is unreadable: " + e.getMessage(), e);
    }
  }

  private static final class LoaderAwareInput extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderAwareInput(InputStream in, Class<?> owner) throws IOException {
      super(in);
      this.loader = owner.getClassLoader();
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}

package dev.parley.plugins.nlu.support;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs a model written by {@link OnnxLinearGraph} in ONNX Runtime (one intra-op thread: parses run
 * in parallel on the callers' threads). Each call borrows a {@link Workspace} (direct input buffers
 * that ONNX Runtime reads in place, and an output tensor it writes into) from a pool, so a parse
 * allocates no native memory. Thread-safe; {@link #close} waits for running calls and releases the
 * native session and tensors, after which calls fail.
 */
public final class OnnxLinearScorer implements AutoCloseable {

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final int denseSize;
  private final boolean sparse;
  private final int classes;
  private final Queue<Workspace> idle = new ConcurrentLinkedQueue<>();
  private final List<Workspace> created = new ArrayList<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  /** Opens a session on the model bytes. */
  public OnnxLinearScorer(byte[] model, int denseSize) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(model, options);
    }
    this.sparse = session.getInputNames().contains(OnnxLinearGraph.INDICES);
    NodeInfo output = session.getOutputInfo().get(OnnxLinearGraph.PROBABILITIES);
    long[] shape = ((TensorInfo) output.getInfo()).getShape();
    this.classes = (int) shape[shape.length - 1];
    if (classes <= 0) {
      session.close();
      throw new IllegalArgumentException("the intent model's output has no fixed class count");
    }
    this.denseSize = denseSize;
  }

  /** The class probabilities of a vector (and the dense part, for a model that has one). */
  public float[] probabilities(SparseFeatures sparse, float[] dense) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the intent model was released (a newer one serves)");
      }
      Workspace workspace = idle.poll();
      if (workspace == null) {
        workspace = newWorkspace();
      }
      try {
        return workspace.run(sparse, dense);
      } finally {
        idle.offer(workspace);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  private Workspace newWorkspace() throws OrtException {
    Workspace workspace = new Workspace();
    synchronized (created) {
      created.add(workspace);
    }
    return workspace;
  }

  /** Releases the native session once running calls are done; idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        synchronized (created) {
          created.forEach(Workspace::close);
        }
        session.close();
      }
    } catch (OrtException e) {
      throw new IllegalStateException("cannot release the ONNX session", e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The buffers and tensors of one call at a time. */
  private final class Workspace {
    private FloatBuffer indices = floats(64);
    private FloatBuffer values = floats(64);
    private final FloatBuffer embedding = floats(Math.max(1, denseSize));
    private final FloatBuffer output = floats(classes);
    private final OnnxTensor outputTensor;
    private final Map<String, OnnxTensor> outputs;
    private final Map<String, OnnxTensor> inputs = new HashMap<>(4);

    Workspace() throws OrtException {
      outputTensor = OnnxTensor.createTensor(env, output, new long[] {1, classes});
      outputs = Map.of(OnnxLinearGraph.PROBABILITIES, outputTensor);
    }

    float[] run(SparseFeatures vector, float[] dense) throws OrtException {
      // an empty vector is fed as feature 0 with weight 0, which adds nothing
      int n = Math.max(1, vector.size());
      if (indices.capacity() < n) {
        indices = floats(2 * n);
        values = floats(2 * n);
      }
      indices.clear();
      values.clear();
      if (vector.size() == 0) {
        indices.put(0, 0f);
        values.put(0, 0f);
      }
      int[] ids = vector.indices();
      float[] weights = vector.values();
      for (int i = 0; i < ids.length; i++) {
        indices.put(i, ids[i]);
        values.put(i, weights[i]);
      }
      indices.limit(n);
      values.limit(n);
      long[] shape = {n, 1};
      try (OnnxTensor in = sparse ? OnnxTensor.createTensor(env, indices, shape) : null;
          OnnxTensor val = sparse ? OnnxTensor.createTensor(env, values, shape) : null;
          OnnxTensor emb = denseSize > 0 ? embeddingTensor(dense) : null) {
        if (in != null) {
          inputs.put(OnnxLinearGraph.INDICES, in);
          inputs.put(OnnxLinearGraph.VALUES, val);
        }
        if (emb != null) {
          inputs.put(OnnxLinearGraph.EMBEDDING, emb);
        }
        try (OrtSession.Result unused = session.run(inputs, outputs)) {
          float[] probabilities = new float[classes];
          output.get(0, probabilities);
          return probabilities;
        } finally {
          inputs.clear();
        }
      }
    }

    private OnnxTensor embeddingTensor(float[] dense) throws OrtException {
      embedding.clear();
      embedding.put(dense, 0, denseSize);
      embedding.flip();
      return OnnxTensor.createTensor(env, embedding, new long[] {1, denseSize});
    }

    void close() {
      outputTensor.close();
    }
  }

  private static FloatBuffer floats(int size) {
    return ByteBuffer.allocateDirect(4 * size).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }
}

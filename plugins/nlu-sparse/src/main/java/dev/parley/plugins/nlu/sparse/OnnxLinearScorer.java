package dev.parley.plugins.nlu.sparse;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs a model written by {@link OnnxLinearGraph} in ONNX Runtime (one intra-op thread: parses run
 * in parallel on the callers' threads). Thread-safe; {@link #close} waits for running calls and
 * releases the native session, after which calls fail.
 */
public final class OnnxLinearScorer implements AutoCloseable {

  private static final float[] NOTHING_INDEX = {0f};
  private static final float[] NOTHING_VALUE = {0f};

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final int denseSize;
  private final boolean sparse;
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
      this.sparse = session.getInputNames().contains(OnnxLinearGraph.INDICES);
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
      float[] indices = NOTHING_INDEX;
      float[] values = NOTHING_VALUE;
      if (sparse.size() > 0) {
        indices = new float[sparse.size()];
        for (int i = 0; i < indices.length; i++) {
          indices[i] = sparse.indices()[i];
        }
        values = sparse.values();
      }
      long[] shape = {indices.length, 1};
      Map<String, OnnxTensor> inputs = new HashMap<>(4);
      try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(indices), shape);
          OnnxTensor val = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
          OnnxTensor emb =
              denseSize > 0
                  ? OnnxTensor.createTensor(env, FloatBuffer.wrap(dense), new long[] {1, denseSize})
                  : null) {
        if (this.sparse) {
          inputs.put(OnnxLinearGraph.INDICES, in);
          inputs.put(OnnxLinearGraph.VALUES, val);
        }
        if (emb != null) {
          inputs.put(OnnxLinearGraph.EMBEDDING, emb);
        }
        try (OrtSession.Result result = session.run(inputs)) {
          return ((float[][]) result.get(0).getValue())[0];
        }
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Releases the native session once running calls are done; idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        session.close();
      }
    } catch (OrtException e) {
      throw new IllegalStateException("cannot release the ONNX session", e);
    } finally {
      lock.writeLock().unlock();
    }
  }
}

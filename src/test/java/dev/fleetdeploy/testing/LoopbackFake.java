package dev.fleetdeploy.testing;

/** A fake service on 127.0.0.1: where it listens, and how it stops. */
public interface LoopbackFake extends AutoCloseable {

    /** "http://127.0.0.1:PORT". */
    String url();

    @Override
    void close();
}

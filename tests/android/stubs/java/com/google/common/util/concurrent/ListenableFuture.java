// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package com.google.common.util.concurrent;
public interface ListenableFuture<V> extends java.util.concurrent.Future<V> {
    void addListener(Runnable listener, java.util.concurrent.Executor executor);
}

package dev.gatehouse.bootstrap;

import io.micronaut.runtime.Micronaut;

/** The runnable service. */
public final class Gatehouse {
    private Gatehouse() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Gatehouse.class).banner(false).start();
    }
}

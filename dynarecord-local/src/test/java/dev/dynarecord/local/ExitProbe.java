package dev.dynarecord.local;

import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;

/** A program that uses the shared engine and returns from main without closing anything. */
public final class ExitProbe {

    private ExitProbe() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        Session session = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("probe"));
        System.out.println("tables " + session.tables().list());
        System.out.println("main returns");
    }
}

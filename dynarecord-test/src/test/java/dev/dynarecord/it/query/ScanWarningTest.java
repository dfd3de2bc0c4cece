package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.it.Stderr;
import dev.dynarecord.test.DynarecordTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * warnOnScan (on by default) logs every Scan with the model and its conditions; Queries and allowScan() stay quiet.
 * Isolated: it reads System.err, where a Scan of any other class running meanwhile would be logged too.
 */
@DynarecordTest
@Isolated
class ScanWarningTest {

    @Test
    void aScanIsLoggedWithTheModelTheTableAndTheConditions() {
        Member m = new Member();
        m.email = "w@x.z";
        m.name = "Walt";
        m.save();
        String log = Stderr.of(() -> Member.find.where("name", "Walt").all());
        assertThat(log).contains("WARN", "Scan of table", "members", "for Member where [name eq 'Walt']",
                "no eq condition on the table's hash key id");
    }

    @Test
    void queriesAndAllowedScansAreNotLogged() {
        assertThat(Stderr.of(() -> Member.find.where("email", "w@x.z").all())).doesNotContain("Scan of table");
        assertThat(Stderr.of(() -> Member.find.where("name", "Walt").allowScan().all())).doesNotContain("Scan of table");
    }
}

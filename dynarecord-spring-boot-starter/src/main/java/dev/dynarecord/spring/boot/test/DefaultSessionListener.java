package dev.dynarecord.spring.boot.test;

import dev.dynarecord.spring.boot.DefaultSessionBinding;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Before a {@link DynarecordSpringTest} class: its context's session becomes the default. After
 * it: the tables of its namespace are dropped and the context is closed (which closes the session
 * and forgets the default).
 */
final class DefaultSessionListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return 5000; // after dependency injection, before transactional listeners
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        binding(testContext).bind();
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            dev.dynarecord.Session session = binding(testContext).session();
            if (!session.config().namespace().isEmpty()) { // without one, dropAll would refuse: it drops namespaces only
                session.tables().dropAll();
            }
            testContext.markApplicationContextDirty(DirtiesContext.HierarchyMode.EXHAUSTIVE);
        }
    }

    private static DefaultSessionBinding binding(TestContext testContext) {
        return testContext.getApplicationContext().getBean(DefaultSessionBinding.class);
    }
}

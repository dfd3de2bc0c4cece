package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.AfterCreate;
import dev.dynarecord.annotation.AfterDestroy;
import dev.dynarecord.annotation.AfterFind;
import dev.dynarecord.annotation.AfterInitialize;
import dev.dynarecord.annotation.AfterSave;
import dev.dynarecord.annotation.AfterTouch;
import dev.dynarecord.annotation.AfterUpdate;
import dev.dynarecord.annotation.AfterValidation;
import dev.dynarecord.annotation.BeforeCreate;
import dev.dynarecord.annotation.BeforeDestroy;
import dev.dynarecord.annotation.BeforeSave;
import dev.dynarecord.annotation.BeforeUpdate;
import dev.dynarecord.annotation.BeforeValidation;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Transient;
import dev.dynarecord.exception.RecordInvalidException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.lifecycle.Errors;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every callback of a create, an update and a destroy, recorded in the order they ran, with aborts. */
@DynarecordTest
class CallbackOrderTest {

    /** Callbacks of the parent run before the child's. */
    public abstract static class Audited<T extends Audited<T>> extends Model<T> {
        @Transient public List<String> log = new ArrayList<>();

        @BeforeSave
        void parentBeforeSave() {
            log.add("parent before_save");
        }
    }

    public static class Widget extends Audited<Widget> {
        public static final Finder<Widget> find = finder(Widget.class);
        @Field @NotBlank public String name;
        @Field @Pattern(regexp = ".*@.*") public String email;
        @Field public int rank;
        @Transient public String abortAt = "";
        @Transient public boolean failAfterSave;

        @Override
        protected void validate(Errors errors) {
            log.add("validate");
            if (rank < 0) {
                errors.add("rank", "must be >= 0");
            }
        }

        @BeforeValidation boolean beforeValidation() {
            log.add("before_validation");
            return !abortAt.equals("before_validation");
        }

        @AfterValidation void afterValidation() {
            log.add("after_validation");
        }

        @BeforeSave boolean beforeSave() {
            log.add("before_save");
            return !abortAt.equals("before_save");
        }

        @BeforeSave void secondBeforeSave() {
            log.add("second before_save");
        }

        @BeforeCreate boolean beforeCreate() {
            log.add("before_create");
            return !abortAt.equals("before_create");
        }

        @AfterCreate void afterCreate() {
            log.add("after_create");
        }

        @BeforeUpdate boolean beforeUpdate() {
            log.add("before_update");
            return !abortAt.equals("before_update");
        }

        @AfterUpdate void afterUpdate() {
            log.add("after_update");
        }

        @AfterSave void afterSave() {
            log.add("after_save");
            if (failAfterSave) {
                throw new IllegalStateException("after_save failed");
            }
        }

        @BeforeDestroy boolean beforeDestroy() {
            log.add("before_destroy");
            return !abortAt.equals("before_destroy");
        }

        @AfterDestroy void afterDestroy() {
            log.add("after_destroy");
        }

        @AfterFind void afterFind() {
            log.add("after_find");
        }

        @AfterInitialize void afterInitialize() {
            log.add("after_initialize");
        }

        @AfterTouch void afterTouch() {
            log.add("after_touch");
        }
    }

    private static Widget valid() {
        Widget w = new Widget();
        w.name = "w";
        w.email = "w@x.z";
        return w;
    }

    @Test
    void createUpdateAndDestroyRunInActiveRecordsOrder(RequestRecorder recorder) {
        Widget w = valid();
        w.saveOrThrow();
        assertThat(w.log).containsExactly("before_validation", "validate", "after_validation", "parent before_save", "before_save",
                "second before_save", "before_create", "after_create", "after_save");

        w.log.clear();
        w.rank = 2;
        w.saveOrThrow();
        assertThat(w.log).containsExactly("before_validation", "validate", "after_validation", "parent before_save", "before_save",
                "second before_save", "before_update", "after_update", "after_save");

        w.log.clear();
        w.touch();
        assertThat(w.log).containsExactly("after_touch");

        w.log.clear();
        assertThat(w.destroy()).isTrue();
        assertThat(w.log).containsExactly("before_destroy", "after_destroy");
        assertThat(recorder.requests()).isNotEmpty();
    }

    @Test
    void loadingRunsAfterFindThenAfterInitialize() {
        Widget w = valid();
        w.saveOrThrow();
        Widget loaded = Widget.find.byId(w.id());
        assertThat(loaded.log).containsExactly("after_find", "after_initialize");
        assertThat(Widget.find.build().log).containsExactly("after_initialize");
    }

    @Test
    void everyBeforeCallbackCanAbortAndNothingIsWritten(RequestRecorder recorder) {
        for (String at : List.of("before_validation", "before_save", "before_create")) {
            Widget w = valid();
            w.abortAt = at;
            recorder.clear();
            assertThat(w.save()).as(at).isFalse();
            assertThat(w.log).as(at).endsWith(at).doesNotContain("after_save", "after_create");
            assertThat(w.isNewRecord()).isTrue();
            assertThatThrownBy(w::saveOrThrow).isInstanceOf(RecordNotSavedException.class).hasMessageContaining("before-callback");
            assertThat(recorder.count()).as(at).isZero();
        }
        Widget w = valid();
        w.saveOrThrow();
        w.rank = 5;
        w.abortAt = "before_update";
        recorder.clear();
        w.log.clear();
        assertThat(w.save()).isFalse();
        assertThat(w.log).endsWith("before_update");
        assertThat(recorder.count()).isZero();
        assertThat(Widget.find.byId(w.id()).rank).isZero();

        w.abortAt = "before_destroy";
        recorder.clear();
        assertThat(w.destroy()).isFalse();
        assertThat(w.isDestroyed()).isFalse();
        assertThat(recorder.count()).isZero();
    }

    @Test
    void invalidRecordsRunTheValidationCallbacksOnlyAndSendNothing(RequestRecorder recorder) {
        Widget w = new Widget();
        w.name = " ";
        w.email = "nope";
        w.rank = -1;
        recorder.clear();
        assertThat(w.save()).isFalse();
        assertThat(w.log).containsExactly("before_validation", "validate", "after_validation");
        assertThat(w.errors().on("name")).containsExactly("must not be blank");
        assertThat(w.errors().on("email")).hasSize(1);
        assertThat(w.errors().on("rank")).containsExactly("must be >= 0");
        assertThatThrownBy(w::saveOrThrow).isInstanceOf(RecordInvalidException.class)
                .hasMessageContaining("rank must be >= 0").satisfies(e -> assertThat(((RecordInvalidException) e).errors())
                        .containsKeys("name", "email", "rank"));
        assertThat(recorder.count()).isZero();
    }

    @Test
    void anExceptionInAnAfterCallbackPropagatesAfterTheWrite() {
        Widget w = valid();
        w.failAfterSave = true;
        assertThatThrownBy(w::save).isInstanceOf(IllegalStateException.class).hasMessage("after_save failed");
        assertThat(Widget.find.exists(w.id())).isTrue();
        assertThat(w.isPersisted()).isTrue();
    }
}

package dev.dynarecord.it.association;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Self-referential students/teacher, an association to a differently named class, renamed and declared foreign keys. */
@DynarecordTest
class OverridesTest {

    @AfterEach
    void noScan(RequestRecorder recorder) {
        assertThat(recorder.count(ScanRequest.class)).as("Scan requests").isZero();
    }

    @Test
    void studentsAndTeacherAreOneModel(Session session) {
        Member teacher = Member.find.create(m -> m.name = "Teacher");
        Member kid = teacher.students.create(m -> m.name = "Kid");
        Member other = Member.find.build(m -> m.name = "Other");
        other.teacher.set(teacher);
        other.saveOrThrow();

        assertThat(kid.teacher.get()).isSameAs(teacher);
        assertThat(Stored.item(session, Member.class, kid.id()).get("teacherId").s()).isEqualTo(teacher.id());
        assertThat(Member.find.byId(kid.id()).teacher.get().name).isEqualTo("Teacher");
        assertThat(Member.find.byId(teacher.id()).students.all()).extracting(m -> m.name).containsExactlyInAnyOrder("Kid", "Other");
        assertThat(teacher.students.reload().count()).isEqualTo(2);
        assertThat(kid.students.all()).isEmpty();
        assertThat(teacher.teacher.get()).isNull();

        teacher.students.remove(kid);
        assertThat(Stored.item(session, Member.class, kid.id())).doesNotContainKey("teacherId");
        assertThat(Member.find.byId(teacher.id()).students.all()).extracting(m -> m.name).containsExactly("Other");
    }

    @Test
    void anAssociationNamedOtherThanItsClass(Session session) {
        Member ada = Member.find.create(m -> m.name = "Ada");
        Book book = Book.find.build(b -> b.title = "Notes");
        book.author.set(ada);
        book.saveOrThrow();

        Map<String, AttributeValue> item = Stored.item(session, Book.class, book.id());
        assertThat(item.get("authorId").s()).isEqualTo(ada.id());
        assertThat(Book.find.byId(book.id()).author.get().name).isEqualTo("Ada");
        assertThat(Book.find.byId(book.id()).library.get()).isNull();
    }

    @Test
    void aRenamedForeignKeyOnBothSides(Session session) {
        Library lib = Library.find.create(l -> l.name = "L");
        Book book = lib.books.create(b -> b.title = "T");

        Map<String, AttributeValue> item = Stored.item(session, Book.class, book.id());
        assertThat(item.get("ownerRef").s()).isEqualTo(lib.id());
        assertThat(item).doesNotContainKey("libraryId");
        assertThat(book.library.get()).isSameAs(lib);
        assertThat(book.readAttribute("ownerRef")).isEqualTo(lib.id());
        assertThat(Book.find.byId(book.id()).library.get().name).isEqualTo("L");
        assertThat(Library.find.byId(lib.id()).books.all()).extracting(Model::id).containsExactly(book.id());
        assertThat(Book.find.where("ownerRef", lib.id()).count()).isEqualTo(1);
    }

    @Test
    void aForeignKeyFieldDeclaredByTheModel(Session session) {
        Library lib = Library.find.create(l -> l.name = "L");
        Library other = Library.find.create(l -> l.name = "O");
        Note note = lib.notes.create(n -> n.text = "hello");

        assertThat(note.libraryId).isEqualTo(lib.id());
        assertThat(Stored.item(session, Note.class, note.id()).get("libraryId").s()).isEqualTo(lib.id());
        assertThat(note.library.get()).isSameAs(lib);

        note.libraryId = (String) other.id();
        assertThat(note.library.get().name).isEqualTo("O");
        note.saveOrThrow();
        assertThat(Library.find.byId(other.id()).notes.all()).extracting(n -> n.text).containsExactly("hello");
        assertThat(Library.find.byId(lib.id()).notes.all()).isEmpty();

        Note loose = Note.find.create(n -> n.text = "loose");
        lib.notes.add(loose);
        assertThat(loose.libraryId).isEqualTo(lib.id());
        lib.notes.remove(loose);
        assertThat(loose.libraryId).isNull();
        assertThat(Stored.item(session, Note.class, loose.id())).doesNotContainKey("libraryId");
    }
}

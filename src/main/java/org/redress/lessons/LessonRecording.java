package org.redress.lessons;

import org.redress.cases.LessonRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A recorded Learn step becomes a lesson, with its action when one was named. In the case's
 * transaction (ADR 10): the step and its lesson commit together or not at all.
 */
@Component
class LessonRecording {

    private final Lessons lessons;

    LessonRecording(Lessons lessons) {
        this.lessons = lessons;
    }

    @EventListener
    void on(LessonRecorded recorded) {
        lessons.record(recorded);
    }
}

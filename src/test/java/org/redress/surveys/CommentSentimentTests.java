package org.redress.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommentSentimentTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        Never again. The worst delivery I have had.           | true
        Absolutely unacceptable service                       | true
        The driver was rude                                    | true
        Parcel was late and the box was damaged               | true
        Still waiting for my refund                           | true
        It arrived late                                       | false
        Not bad at all, thanks                                | false
        Great, will order again                               | false
        No problem, nothing was missing                       | false
        The vase wasn't broken this time, thank you           | false
        ''                                                    | false
        Quick and friendly, thank you!                        | false
        It didn’t arrive and nobody called                    | true
        Will order again, still the best!                     | false
        The chocolate cake arrived on time                    | false
        Your latest update fixed it                           | false
        Late again, and the driver was disappointing          | true
        """)
    void readsClearlyNegativeComments(String comment, boolean negative) {
        assertThat(CommentSentiment.isClearlyNegative(comment)).isEqualTo(negative);
    }
}

package no.innforing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectState;
import org.junit.jupiter.api.Test;

/** The timeline's geometry without a server: early starts, moved projects and labels clear of the today line. */
class TimelineTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void anEarlyStartBarRunsFromTheDayItBeganToThePreProject() {
        Timeline timeline = Timeline.of(List.of(row("Kristiansund", "KI4", "KI3", LocalDate.of(2028, 9, 5), TODAY)),
                TODAY);

        Timeline.Bar early = timeline.bars().get(0);
        assertThat(early.css()).isEqualTo("bar-early");
        assertThat(early.x()).isEqualTo(timeline.today().x());
        assertThat(early.title()).isEqualTo("Kristiansund (KI4): tjuvstart 02.03.2026–05.02.2027");
        assertThat(timeline.bars().get(1).x()).isEqualTo(early.x() + early.width());
        assertThat(timeline.rowLabels().get(0).text()).isEqualTo("Kristiansund · KI4 (fra KI3)");
    }

    @Test
    void aWaveLabelThatWouldCrossTheTodayLineIsDrawnOnTheOtherSide() {
        Timeline timeline = Timeline.of(List.of(row("Trondheim", "PD1", "PD1", TODAY.minusDays(3), null),
                row("Aure", "KI3", "KI3", LocalDate.of(2028, 3, 31), null)), TODAY);

        assertThat(timeline.waveLines()).extracting(Timeline.Line::label, Timeline.Line::anchor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PD1 27.02.2026", "end"),
                        org.assertj.core.groups.Tuple.tuple("KI3 31.03.2028", "start"));
    }

    @Test
    void theSvgWritesCoordinatesToAHundredthAndBarsThatMeetStillMeet() {
        assertThat(Timeline.n(52.0)).isEqualTo("52");
        assertThat(Timeline.n(182.71649954421147)).isEqualTo("182.72");
        assertThat(Timeline.n(3.05)).isEqualTo("3.05");
        assertThat(Timeline.n(270.5)).isEqualTo("270.5");
        assertThat(Timeline.n(-4.999)).isEqualTo("-5");
        assertThat(Timeline.n(-0.25)).isEqualTo("-0.25");

        Timeline timeline = Timeline.of(List.of(row("Kristiansund", "KI4", "KI3", LocalDate.of(2028, 9, 5), TODAY)),
                TODAY);
        String svg = timeline.svg(1);
        for (int i = 0; i + 1 < timeline.bars().size(); i++) {
            Timeline.Bar bar = timeline.bars().get(i);
            Timeline.Bar next = timeline.bars().get(i + 1);
            assertThat(svg).contains("<rect x=\"" + Timeline.n(bar.x()) + "\" y=\"" + Timeline.n(bar.y())
                    + "\" width=\"" + Timeline.width(bar.x(), bar.width()) + "\"");
            // what the browser adds up: the bar's written x plus its written width is the next bar's written x
            assertThat(new java.math.BigDecimal(Timeline.n(bar.x()))
                    .add(new java.math.BigDecimal(Timeline.width(bar.x(), bar.width()))))
                    .isEqualByComparingTo(new java.math.BigDecimal(Timeline.n(next.x())));
        }
        assertThat(svg).doesNotContainPattern("[=\" (]-?\\d+\\.\\d{3}");
    }

    private static OverviewService.Row row(String name, String wave, String originalWave, LocalDate goLive,
            LocalDate earlyStart) {
        return new OverviewService.Row("1505", name, "Møre og Romsdal", wave, wave, ProjectState.ACTIVE, "Aktiv", null,
                "–", null, null, 0, List.of(), OverviewService.Light.GREEN, "pi", ProjectSchedule.forGoLive(goLive),
                false, List.of(), originalWave, earlyStart);
    }
}

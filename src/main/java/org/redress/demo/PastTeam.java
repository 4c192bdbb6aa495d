package org.redress.demo;

import java.util.List;

import org.redress.cases.Channel;

/**
 * A team of the demo and its habits over the past months: how soon it answers (the median
 * minutes to the first answer), how often it apologises, and the channels its cases come by.
 */
record PastTeam(long id, String name, PastCase.Person lead, List<PastCase.Person> agents, double medianMinutesToAnswer,
                double apologyRate, List<Channel> channels) {}

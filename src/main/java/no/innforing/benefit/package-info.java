/**
 * Benefit realisation (gevinstplan, gevinstmål and quarterly measurements after go-live), the risk register
 * (ROS) with its 5×5 matrix, and each municipality's population-based share of a wave's or the region's cost.
 */
package no.innforing.benefit;

package org.kith.server.api;

import java.util.List;

import org.kith.server.http.Route;

/** One REST resource: its rows of the route table. */
interface Resource {
    List<Route> routes();
}

/* mhd_load.h — libmicrohttpd, loaded (util/dynlib.h) when `storyline serve`
 * starts rather than linked: every other command then neither maps it nor
 * relocates GnuTLS and the nine libraries GnuTLS needs. */
#ifndef SL_SERVER_MHD_LOAD_H
#define SL_SERVER_MHD_LOAD_H

#include <microhttpd.h>

/* The libmicrohttpd calls the server makes, typed as microhttpd.h declares them. */
typedef struct server_mhd {
    __typeof__(MHD_start_daemon) *start_daemon;
    __typeof__(MHD_stop_daemon) *stop_daemon;
    __typeof__(MHD_get_daemon_info) *get_daemon_info;
    __typeof__(MHD_get_connection_info) *get_connection_info;
    __typeof__(MHD_lookup_connection_value) *lookup_connection_value;
    __typeof__(MHD_create_response_from_buffer) *create_response_from_buffer;
    __typeof__(MHD_add_response_header) *add_response_header;
    __typeof__(MHD_queue_response) *queue_response;
    __typeof__(MHD_destroy_response) *destroy_response;
} server_mhd;

/* libmicrohttpd's calls, loaded once a process (thread-safe); the library
 * stays loaded. NULL when it cannot be loaded, and *why (static) says why. */
const server_mhd *server_mhd_load(const char **why);

#endif

/* mhd_load.c — loads libmicrohttpd (its ABI 12 soname) when the server
 * starts, with util/dynlib.h, and finds the calls server.c and response.c
 * make (mhd_load.h says why it is not linked). */
#include <stddef.h>

#include "server/mhd_load.h"
#include "util/dynlib.h"

static const sl_dynlib_symbol symbols[] = {
    {offsetof(server_mhd, start_daemon), "MHD_start_daemon"},
    {offsetof(server_mhd, stop_daemon), "MHD_stop_daemon"},
    {offsetof(server_mhd, get_daemon_info), "MHD_get_daemon_info"},
    {offsetof(server_mhd, get_connection_info), "MHD_get_connection_info"},
    {offsetof(server_mhd, lookup_connection_value), "MHD_lookup_connection_value"},
    {offsetof(server_mhd, create_response_from_buffer), "MHD_create_response_from_buffer"},
    {offsetof(server_mhd, add_response_header), "MHD_add_response_header"},
    {offsetof(server_mhd, queue_response), "MHD_queue_response"},
    {offsetof(server_mhd, destroy_response), "MHD_destroy_response"},
};

static server_mhd mhd;
static sl_dynlib libmicrohttpd = SL_DYNLIB("libmicrohttpd", "libmicrohttpd.so.12", symbols, &mhd,
                                           "an incompatible libmicrohttpd");

const server_mhd *server_mhd_load(const char **why)
{
    return sl_dynlib_load(&libmicrohttpd, why);
}
